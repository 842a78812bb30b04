"""Guidance in the window: the library tab, "For today" cards, red-flag and six-weeks notices."""
