"""The gates, as pytest modules (run by `invoke gates`)."""
