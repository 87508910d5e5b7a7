"""Entity extraction helpers used by `netral.triage.entities`."""
