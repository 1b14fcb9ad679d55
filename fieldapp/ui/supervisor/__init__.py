"""The supervisor's screens: the review queue and the reports."""
