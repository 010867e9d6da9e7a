"""Official list files (the US Consolidated Screening List, the FCC Covered List, the DoD 1260H
editions, the UK and EU sanctions lists, a documented plain CSV) read into list entries, resolved
to catalog vendors and written as a user catalog folder with a report of what changed."""
