"""Manage lists: the dialog and its table model."""
