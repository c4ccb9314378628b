"""The Compact site's core: load and validate data/, render pages. Independent of any site engine."""
