"""Child safety on screen: the safety assessment and notices started from a visit or the family file,
the clock of the statutory notices (family file, Today, the supervisor's queue and team), the
protected risk assessment and incident data, and the desktop notification of a new or overdue concern."""
