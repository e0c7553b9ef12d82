"""What every plugin of the site may use: checked settings and the message catalogues.

A library, not a Pelican plugin: it registers nothing and imports no plugin.
"""
