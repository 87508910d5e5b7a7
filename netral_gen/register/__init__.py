"""A realistic synthetic civil-servant register (docs/personnel.md, "Synthetic register").

`generate` makes the rows and inserts them (`netral demo register`); `placements` decides where people
work and when they were born, `titles` writes whole names with titles and degrees from the name words
of `names` (naming traditions, `words` loads the word lists in `data/`), `pick` holds the weighted
tables everything is drawn from, `tally` a register's name statistics, `shape` the weights that shape
the register, `bulkload` the fast inserts.
"""
