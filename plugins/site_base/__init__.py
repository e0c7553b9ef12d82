"""What every plugin may use: checked settings, message catalogues, the site's address.

A library, not a Pelican plugin: it registers nothing and imports no plugin.
"""
