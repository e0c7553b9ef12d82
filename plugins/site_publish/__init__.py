"""Publishing a build without losing anything: releases, an atomic switch, rollback.

A library of `invoke publish`, not a Pelican plugin: it imports no plugin.
"""
