"""The content model's own signal: a later plugin says how photos are drawn.

content_model renders each body once, at check time, before any generator
runs; the plugin that publishes photos (media_pipeline) comes later in the
build order, so it connects here instead of being imported.
"""

from blinker import signal

# Sent with Pelican's settings as sender before any body is rendered; a receiver
# returns the photo_groups.PhotoRenderer that draws each photo of a body.
# Without a receiver (`invoke check`), photos are plain <img> of their files.
photo_renderer = signal("content_model.photo_renderer")
