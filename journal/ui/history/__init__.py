"""The History view: past entries in a sortable, filterable table."""
