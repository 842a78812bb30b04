"""The Today view: log or edit one calendar date."""
