"""The casualty grammar that reads relations (harm, victim, count) over a parsed sentence."""
