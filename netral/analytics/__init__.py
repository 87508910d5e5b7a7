"""Analytics: dashboards, the map and exports (helper modules add the vulnerability index and statistics)."""
