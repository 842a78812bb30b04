"""Reusable input widgets sized for people who may be in pain: large, clear targets."""
