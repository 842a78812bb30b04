"""The Qt user interface. Depends on core and storage; nothing depends on it."""
