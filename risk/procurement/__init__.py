"""Before the next contract and on the way out: offers compared by risk-adjusted cost, and a
replacement plan year by year. Pure Python and pandas, like the rest of risk/."""
