"""Reconciliation: claims as constraints, tallies and timelines with honest bounds."""

from bilan.reconcile.constraints import ABOUT_BAND, Constraint, bounds, build_constraints
from bilan.reconcile.tally import Bounds, Contradiction, Tally, tally, timeline

__all__ = ["ABOUT_BAND", "Bounds", "Constraint", "Contradiction", "Tally", "bounds",
           "build_constraints", "tally", "timeline"]
