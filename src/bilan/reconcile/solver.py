"""The tally linear program: cells, the least-violation fit, and the bounds of a window.

Unknowns are non-negative counts per cell (victim type, region, run of days).
Cells are built only where claims or the query reach: a victim type or region
that occurs gets a residual cell of its own (its people not in any sub-type or
sub-region that occurs), and days are cut into elementary intervals at claim
boundaries. Cells that every claim and the query treat alike are merged into
one variable, which keeps the program small and exact: every constraint and
every query is a sum over whole variables.
"""

from __future__ import annotations

import copy
import logging
import math
import os
import sys
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import highspy
import numpy as np
from scipy import sparse
from scipy.optimize import linprog
from scipy.sparse.csgraph import connected_components

from bilan.errors import ReconcileError
from bilan.reconcile.constraints import Constraint, region_lineage, victim_lineage

logger = logging.getLogger(__name__)

# Weighted slack allowed above the least total violation when bounding a window, relative
# to it. A slack weighs 1/bound, so this allowance in people grows with the count: kept far
# below one person for counts in the millions, the solver's own row tolerance (1e-7
# absolute) keeps the fit reachable.
FIT_TOLERANCE = 1e-9
# Relative error of the solver's values, at most: a slack larger than this share of its
# claim's bound is a contradiction, not noise.
SOLVER_ERROR = 1e-6
# A node whose claims reach this many classes of cells or more is broad: its claims are swept
# once per group of classes instead of once per class.
BROAD_REACH = 32
# HiGHS's `simplex_strategy` value for the primal simplex.
PRIMAL_SIMPLEX = 4
# The fits are never empty (zero counts with slacks fit anything): either is "no maximum".
UNBOUNDED = (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible)


@dataclass(frozen=True, slots=True)
class WindowBounds:
    """The reconciled [low, high] of one window of days (ordinals, inclusive); high None: ∞.

    Bounds are over the counts that violate the claims least, rounded inwards to whole
    people (the counts are integers, the program is solved over the reals).
    """

    first: int
    last: int
    low: int
    high: int | None


@dataclass(frozen=True, slots=True)
class Solution:
    """Bounds per window, the constraints the answer rests on, and the violated ones.

    `used` is the query's connected component; `binding` the constraints with a non-zero
    dual value in some bound's program: together they prove every finite bound.
    `violations` pairs a constraint index with the sum its cells take at the fit.
    """

    windows: tuple[WindowBounds, ...]
    used: tuple[int, ...]
    violations: tuple[tuple[int, float], ...]
    binding: tuple[int, ...] = ()


@dataclass(slots=True)
class _Program:
    matrix: sparse.csr_matrix  # constraints x variables, 0/1
    window_of: np.ndarray  # per variable: index of its query window, -1 when outside
    free: set[int]  # windows holding a cell no claim reaches: no upper bound
    windows: list[tuple[int, int]]
    node_of: np.ndarray  # per constraint: index of its (victims, region) node


def solve(
    constraints: Sequence[Constraint],
    victims: str,
    region: tuple[str, ...],
    first: int,
    last: int,
    split: bool = False,
    general: bool = False,
) -> Solution:
    """Bounds of the (victims, region) total over first..last, or over each elementary
    interval of it when `split` (intervals cut at the boundaries of the claims that reach
    the query's cells).

    `general` solves each program from scratch with SciPy's `linprog` (three general LPs
    per window), the reference the faster default path is tested against."""
    program = _program(constraints, victims, region, first, last, split)
    keep_rows, keep_cols = _query_component(program)
    try:
        return _solution(general, program, constraints, keep_rows, keep_cols)
    except _Unsolved as trouble:
        if general:
            failure = trouble
        else:
            # The warm path's simplex can stall on a badly scaled program (counts from 1 to
            # a billion in one component): SciPy's from-scratch solves are the fallback.
            logger.warning("tally program: warm path ended %s, solving it afresh", trouble)
            try:
                return _solution(True, program, constraints, keep_rows, keep_cols)
            except _Unsolved as again:
                failure = again
    raise ReconcileError.of(
        "E400", victims=victims, region="/".join(region) or "everywhere",
        first=date.fromordinal(first), last=date.fromordinal(last), reason=failure,
    ) from failure


def _solution(general: bool, program: _Program,
              constraints: Sequence[Constraint], keep_rows: np.ndarray,
              keep_cols: np.ndarray) -> Solution:
    """The fit of the query's component, then the bounds of each window over it (`general`:
    by SciPy from scratch, on the program without shared sums)."""
    matrix = program.matrix[keep_rows][:, keep_cols]
    window_of = program.window_of[keep_cols]
    chosen = [constraints[i] for i in keep_rows]
    lows = np.array([c.low for c in chosen], dtype=float)
    highs = [c.high for c in chosen]
    fit = (_Fit(matrix, lows, highs) if general
           else _WarmFit(matrix, lows, highs, program.node_of[keep_rows]))
    values = iter(fit.bounds([
        ((window_of == index).astype(float), maximise)
        for index in range(len(program.windows)) for maximise in (False, True)
        if not (maximise and index in program.free)
    ]))
    windows = []
    for index, (start, end) in enumerate(program.windows):
        low = next(values)
        high = None if index in program.free else next(values)
        low_int = max(0, _whole(low, up=True)) if low is not None else 0
        high_int = None if high is None else max(low_int, _whole(high, up=False))
        windows.append(WindowBounds(start, end, low_int, high_int))
    violations = tuple(
        (int(keep_rows[row]), float(total)) for row, total in fit.violated()
    )
    binding = tuple(int(keep_rows[row]) for row in sorted(fit.binding))
    return Solution(tuple(windows), tuple(int(i) for i in keep_rows), violations, binding)


class _Unsolved(Exception):
    """The solver stopped without an optimum (its status is the message)."""


def _whole(value: float, up: bool) -> int:
    """A bound rounded inwards to whole people, unless the solver's error explains its
    fraction (HiGHS is exact to about 1e-7 relative: 3,600,000.3 is 3,600,000)."""
    nearest = round(value)
    if abs(value - nearest) <= SOLVER_ERROR * max(1.0, abs(value)):
        return nearest
    return math.ceil(value) if up else math.floor(value)


def _closure(nodes: Iterable, lineage) -> list:
    return sorted({ancestor for node in nodes for ancestor in lineage(node)})


def _program(
    constraints: Sequence[Constraint],
    victims: str,
    region: tuple[str, ...],
    first: int,
    last: int,
    split: bool,
) -> _Program:
    nodes: dict[tuple[str, tuple[str, ...]], int] = {}
    node_of = np.array([nodes.setdefault((c.victims, c.region), len(nodes))
                        for c in constraints], dtype=np.int64)
    types = _closure([t for t, _ in nodes] + [victims], victim_lineage)
    places = _closure([p for _, p in nodes] + [region], region_lineage)
    type_index = {item: position for position, item in enumerate(types)}
    place_index = {item: position for position, item in enumerate(places)}
    type_lineages = _lineages(type_index, victim_lineage)
    place_lineages = _lineages(place_index, region_lineage)
    # The nodes over each cell (type, place): one per ancestor type and ancestor place that
    # a claim names. Padding (-1) reads the last row or column, which names no node.
    node_at = np.full((len(types) + 1, len(places) + 1), -1, dtype=np.int64)
    for (node_type, node_place), node in nodes.items():
        node_at[type_index[node_type], place_index[node_place]] = node
    over = node_at[type_lineages[:, None, :, None], place_lineages[None, :, None, :]]
    over = over.reshape(len(types) * len(places), -1)
    pair_cell, slot = np.nonzero(over >= 0)
    pair_node = over[pair_cell, slot]
    asked_cell = np.outer((type_lineages == type_index[victims]).any(axis=1),
                          (place_lineages == place_index[region]).any(axis=1)).ravel()
    # Cells reached by the same nodes, and all asked or all not, are alike to every claim
    # and to the query: one class of cells stands for them from here on (a set of nodes is
    # known by the sum of their keys).
    node_keys = _set_keys(len(nodes))
    reached = _key_sums(pair_cell, pair_node, len(asked_cell), node_keys)
    kept = np.flatnonzero((np.bincount(pair_cell, minlength=len(asked_cell)) > 0) | asked_cell)
    _, first_cell = _distinct(reached[0][kept], reached[1][kept], asked_cell[kept])
    class_of_cell = np.full(len(asked_cell), -1, dtype=np.int64)
    class_of_cell[kept[first_cell]] = np.arange(len(first_cell))
    listed = class_of_cell[pair_cell] >= 0
    member_class, member_node = class_of_cell[pair_cell[listed]], pair_node[listed]
    asked = asked_cell[kept[first_cell]]
    # Classes with the same broad nodes, all asked or all not, share one sweep of those
    # nodes' claims: a class follows it wherever none of its own nodes' claims is active.
    broad = (np.bincount(member_node, minlength=len(nodes)) >= BROAD_REACH)[member_node]
    shared_nodes = _key_sums(member_class[broad], member_node[broad], len(asked), node_keys)
    group_of, first_class = _distinct(shared_nodes[0], shared_nodes[1], asked)
    group_of_first = np.full(len(asked), -1, dtype=np.int64)
    group_of_first[first_class] = np.arange(len(first_class))
    wide_member = broad & (group_of_first[member_class] >= 0)
    narrow = _pairs(member_class[~broad], member_node[~broad], node_of)
    wide = _pairs(group_of_first[member_class[wide_member]], member_node[wide_member], node_of)
    starts = np.array([c.first for c in constraints], dtype=np.int64)
    ends = np.array([c.last + 1 for c in constraints], dtype=np.int64)
    cuts = np.array([first, last + 1], dtype=np.int64)
    if split:
        touching = np.isin(node_of, member_node[asked[member_class]])
        days = np.concatenate([starts[touching], ends[touching]])
        cuts = np.unique(np.concatenate([cuts, days[(first < days) & (days <= last)]]))
    windows = [(int(start), int(end) - 1) for start, end in zip(cuts[:-1], cuts[1:], strict=True)]
    day0 = int(min(starts.min(initial=first), first))
    span = int(max(ends.max(initial=last + 1), last + 1)) - day0 + 1
    sweep = _Sweep(_set_keys(len(constraints)), starts, ends, cuts, day0, span)
    own = sweep.runs(narrow, asked)
    shared = sweep.runs(wide, asked[first_class])
    matrix, window_of, free = _merged_runs(sweep, own, shared, group_of, narrow, wide)
    return _Program(matrix, window_of, free, windows, node_of)


def _lineages(index: dict, lineage) -> np.ndarray:
    """Each indexed item's lineage as indices, one row per item, padded with -1."""
    rows = [[index[ancestor] for ancestor in lineage(item)] for item in index]
    table = np.full((len(rows), max(map(len, rows))), -1, dtype=np.int64)
    for position, row in enumerate(rows):
        table[position, : len(row)] = row
    return table


def _key_sums(owner: np.ndarray, member: np.ndarray, owners: int,
              keys: np.ndarray) -> list[np.ndarray]:
    """Per owner, the two halves of the sum (wrapping) of its members' keys."""
    order = np.argsort(owner, kind="stable")
    ends = np.cumsum(np.bincount(owner, minlength=owners))
    begins = np.concatenate([[0], ends[:-1]]).astype(np.int64)
    sums = []
    for half in (0, 1):
        running = np.concatenate([np.zeros(1, dtype=np.uint64),
                                  np.cumsum(keys[member[order], half])])
        sums.append(running[ends] - running[begins])
    return sums


def _distinct(*columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's index among the distinct rows (one value per array), sorted, and the
    first row of each."""
    order = np.lexsort(columns[::-1])
    new = _first_of_runs(*(column[order] for column in columns))
    index = np.empty(len(order), dtype=np.int64)
    index[order] = np.cumsum(new) - 1
    return index, order[new]


def _pairs(owner: np.ndarray, node: np.ndarray,
           node_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(constraint row, owner) for every constraint of every (owner, node) pair."""
    by_node = np.argsort(node_of, kind="stable")
    sizes = np.bincount(node_of, minlength=int(node_of.max(initial=-1)) + 1)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    rows = by_node[_windows(offsets[node], sizes[node])]
    return rows, np.repeat(owner, sizes[node])


@dataclass(slots=True)
class _Runs:
    """Elementary runs of days of each owner, sorted by owner then first day; a run lasts
    until the next one of its owner (the last one, to the end of the sweep)."""

    owner: np.ndarray
    start: np.ndarray
    end: np.ndarray
    active: np.ndarray  # how many claims are active on it
    signature: list[np.ndarray]  # the two halves of the sum of their keys
    window: np.ndarray  # the query window it lies in, -1 when outside


@dataclass(slots=True)
class _Sweep:
    """The claims' keys and days (`ends` exclusive), the query's cuts, and the days swept:
    day0 .. day0 + span - 1, every claim's and the query's."""

    keys: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    cuts: np.ndarray
    day0: int
    span: int

    def position(self, owner: np.ndarray, day: np.ndarray) -> np.ndarray:
        """One sort key per (owner, day): the owner, then the day since day0."""
        return owner * self.span + (day - self.day0)

    def runs(self, pairs: tuple[np.ndarray, np.ndarray], asked: np.ndarray) -> _Runs:
        """The runs of each owner from day0 on, cut where one of its claims (`pairs`) starts
        or ends and, for an asked owner, at the query's cuts.

        A run's claim set is identified by the sum of a random 128-bit key per claim (two
        64-bit halves, wrapping), so sets are compared without being built; two different
        sets collide with probability about 2**-128."""
        rows, owners = pairs
        marked = np.flatnonzero(asked)
        marks = len(asked) + len(marked) * len(self.cuts)
        event_owner = np.concatenate([owners, owners, np.arange(len(asked)),
                                      np.repeat(marked, len(self.cuts))])
        event_day = np.concatenate([self.starts[rows], self.ends[rows],
                                    np.full(len(asked), self.day0),
                                    np.tile(self.cuts, len(marked))])
        zero = np.zeros(marks, dtype=np.uint64)
        event_key = [np.concatenate([self.keys[rows, half], -self.keys[rows, half], zero])
                     for half in (0, 1)]
        event_count = np.concatenate([np.ones(len(rows), dtype=np.int64),
                                      -np.ones(len(rows), dtype=np.int64),
                                      np.zeros(marks, dtype=np.int64)])
        position = self.position(event_owner, event_day)
        order = np.argsort(position)
        position = position[order]
        # The state after the last change of each (owner, day) holds until its next day.
        last_of_day = np.ones(len(order), dtype=bool)
        last_of_day[:-1] = position[1:] != position[:-1]
        owner, start = event_owner[order][last_of_day], event_day[order][last_of_day]
        end = np.append(start[1:], 0)
        end[np.append(owner[1:] != owner[:-1], True)] = self.day0 + self.span
        in_query = asked[owner] & (self.cuts[0] <= start) & (start < self.cuts[-1])
        return _Runs(owner, start, end, np.cumsum(event_count[order])[last_of_day],
                     [np.cumsum(half[order])[last_of_day] for half in event_key],
                     np.where(in_query, np.searchsorted(self.cuts, start, side="right") - 1, -1))


def _merged_runs(
    sweep: _Sweep, own: _Runs, shared: _Runs, group_of: np.ndarray,
    narrow: tuple[np.ndarray, np.ndarray], wide: tuple[np.ndarray, np.ndarray],
) -> tuple[sparse.csr_matrix, np.ndarray, set[int]]:
    """The constraint matrix, each variable's query window and the windows with a cell no
    claim reaches: one variable per set of claims and query window.

    The days of a class are its own runs (`own`, its narrow nodes' claims) where one of
    those claims is active, each cut at its group's runs (`shared`); elsewhere the class
    takes its group's runs as they are, so a group run is a candidate when some class of
    the group is idle somewhere on it. Candidates with the same claims and window merge."""
    group = group_of[own.owner]
    shared_position = sweep.position(shared.owner, shared.start)
    low = np.searchsorted(shared_position, sweep.position(group, own.start), side="right") - 1
    high = np.searchsorted(shared_position, sweep.position(group, own.end), side="left")
    busy = own.active > 0
    idle = ~busy
    cover = (np.bincount(low[idle], minlength=len(shared.owner) + 1)
             - np.bincount(high[idle], minlength=len(shared.owner) + 1))
    followed = np.cumsum(cover)[:-1] > 0
    free = set(shared.window[followed & (shared.active == 0) & (shared.window >= 0)].tolist())
    taken = np.flatnonzero(followed & (shared.active > 0))
    runs = np.flatnonzero(busy)
    piece_run = np.repeat(runs, high[runs] - low[runs])
    piece_shared = _windows(low[runs], high[runs] - low[runs])
    # Candidates: the pieces of busy class runs, then the group runs classes follow.
    cell = np.concatenate([own.owner[piece_run], np.full(len(taken), -1)])
    start = np.concatenate([np.maximum(own.start[piece_run], shared.start[piece_shared]),
                            shared.start[taken]])
    in_group = np.concatenate([group[piece_run], shared.owner[taken]])
    window = np.concatenate([own.window[piece_run], shared.window[taken]])
    signature = [np.concatenate([own.signature[half][piece_run]
                                 + shared.signature[half][piece_shared],
                                 shared.signature[half][taken]]) for half in (0, 1)]
    # Candidates with the same (signature, window) are one variable, in that order.
    _, representative = _distinct(signature[0], signature[1], window)
    columns = len(representative)
    # A variable's claims are those active on its representative: a narrow claim of a class
    # reaches the class's representatives inside its days, a broad claim of a group those
    # of the group's classes and of the group itself.
    entry_rows, entry_cols = [], []
    for (rows, owners), owner_of in ((narrow, cell), (wide, in_group)):
        mine = representative[owner_of[representative] >= 0]
        position = sweep.position(owner_of[mine], start[mine])
        by_position = np.argsort(position)
        position = position[by_position]
        column = np.flatnonzero(owner_of[representative] >= 0)[by_position]
        low = np.searchsorted(position, sweep.position(owners, sweep.starts[rows]))
        high = np.searchsorted(position, sweep.position(owners, sweep.ends[rows]))
        entry_rows.append(np.repeat(rows, high - low))
        entry_cols.append(column[_windows(low, high - low)])
    matrix = sparse.csr_matrix(
        (np.ones(sum(len(c) for c in entry_cols)),
         (np.concatenate(entry_rows), np.concatenate(entry_cols))),
        shape=(len(sweep.starts), columns))
    return matrix, window[representative], free


def _set_keys(members: int) -> np.ndarray:
    """A random 128-bit key per member (two 64-bit halves): a set is known by their sum."""
    return np.random.default_rng(0).integers(
        0, np.iinfo(np.uint64).max, size=(members, 2), dtype=np.uint64, endpoint=True)


def _first_of_runs(*columns: np.ndarray) -> np.ndarray:
    """True where sorted rows (one value per array) differ from the row before."""
    new = np.zeros(len(columns[0]), dtype=bool)
    new[:1] = True
    for column in columns:
        new[1:] |= column[1:] != column[:-1]
    return new


def _factored(matrix: sparse.csr_matrix, node_of: np.ndarray
              ) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """The constraint rows over the variables then shared sums, and the rows defining
    those sums (sum - its variables = 0): the same program with fewer non-zeros.

    The claims of one (victims, region) node treat alike the variables that lie in the same
    set of that node's claims (the node's cells over one run of days): each such group is
    summed once, and a claim of the node becomes a sum of a few group sums (one per run of
    days it spans) instead of every cell-run of its region. A country-wide claim over a
    month then has tens of non-zeros, not thousands. A node is rewritten only when that
    takes fewer non-zeros. Every constraint row keeps its value at any counts, so the
    optimum and the bounds are those of `matrix`."""
    rows, cols = matrix.shape
    empty = sparse.csr_matrix((0, cols))
    if matrix.nnz == 0:
        return matrix, empty
    entries = matrix.tocoo()
    entry_row, entry_col = entries.row.astype(np.int64), entries.col.astype(np.int64)
    entry_node = node_of[entry_row]
    # A (node, variable) pair's set of the node's claims, by the sum of their keys.
    order = np.argsort(entry_node * cols + entry_col, kind="stable")
    new_pair = _first_of_runs(entry_node[order], entry_col[order])
    starts = np.flatnonzero(new_pair)
    pair_of_entry = np.empty(len(order), dtype=np.int64)
    pair_of_entry[order] = np.cumsum(new_pair) - 1
    pair_node, pair_col = entry_node[order][starts], entry_col[order][starts]
    keys = _set_keys(rows)[entry_row[order]]
    signature = [np.add.reduceat(keys[:, half], starts) for half in (0, 1)]
    # Pairs of one node with the same set of its claims make one group.
    group_of_pair, first_pair = _distinct(pair_node, signature[0], signature[1])
    groups = len(first_pair)
    group_node = pair_node[first_pair]
    row_group = np.unique(entry_row * groups + group_of_pair[pair_of_entry])
    nodes = int(node_of.max()) + 1
    before = np.bincount(entry_node, minlength=nodes)
    after = (np.bincount(node_of[row_group // groups], minlength=nodes)
             + np.bincount(pair_node, minlength=nodes) + np.bincount(group_node, minlength=nodes))
    shared = after < before
    if not shared.any():
        return matrix, empty
    kept_group = shared[group_node]
    column_of_group = cols + np.cumsum(kept_group) - 1
    kept_entry = ~shared[entry_node]
    summed = row_group[shared[node_of[row_group // groups]]]
    sums = int(kept_group.sum())
    constraint_rows = sparse.csr_matrix(
        (np.ones(int(kept_entry.sum()) + len(summed)),
         (np.concatenate([entry_row[kept_entry], summed // groups]),
          np.concatenate([entry_col[kept_entry], column_of_group[summed % groups]]))),
        shape=(rows, cols + sums))
    linked = shared[pair_node]
    definitions = sparse.csr_matrix(
        (np.concatenate([np.ones(sums), -np.ones(int(linked.sum()))]),
         (np.concatenate([np.arange(sums), column_of_group[group_of_pair[linked]] - cols]),
          np.concatenate([column_of_group[kept_group], pair_col[linked]]))),
        shape=(sums, cols + sums))
    return constraint_rows, definitions


def _windows(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenated ranges starts[i] .. starts[i] + lengths[i] - 1."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    shifts = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return shifts + np.arange(total, dtype=np.int64)


def _query_component(program: _Program) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns connected to the query's variables: the rest cannot move its bounds."""
    rows, cols = program.matrix.shape
    if rows == 0 or cols == 0:
        return np.arange(0), np.arange(0)
    graph = sparse.bmat([[None, program.matrix], [program.matrix.T, None]], format="csr")
    _, labels = connected_components(graph, directed=False)
    asked = set(labels[rows:][program.window_of >= 0].tolist())
    keep = np.isin(labels, list(asked))
    return np.flatnonzero(keep[:rows]), np.flatnonzero(keep[rows:])


def _weights(bounds: np.ndarray) -> np.ndarray:
    """Each slack's weight, 1/max(1, its bound), times a power of two near the square root of
    the largest bound: the weights then straddle 1, so that with counts near a billion
    (weights near 1e-9) the solver's dual tolerance (1e-7) still tells a cheaper fit from
    a dearer one. The scale is exact in binary and the same for every weight: the fit and
    the bounds do not change."""
    largest = float(bounds.max(initial=1.0))
    scale = 2.0 ** round(math.log2(math.sqrt(max(1.0, largest))))
    return scale / np.maximum(1.0, bounds)


class _Fit:
    """The least weighted violation of the constraints, then bounds that hold to it.

    Each constraint gets a slack below its low bound and one above its high bound,
    weighted by 1/max(1, bound) so that a violation counts relative to the count
    it contradicts ("10 more than 300" weighs less than "10 more than 20").
    """

    def __init__(self, matrix: sparse.csr_matrix, lows: np.ndarray, highs: list[int | None]):
        rows, cols = matrix.shape
        self.cols = cols
        has_low = np.flatnonzero(lows > 0)
        has_high = np.array([i for i, high in enumerate(highs) if high is not None], dtype=int)
        self.has_low, self.has_high = has_low, has_high
        high_values = np.array([highs[i] for i in has_high], dtype=float)
        low_block = sparse.hstack([
            -matrix[has_low], -sparse.identity(len(has_low)),
            sparse.csr_matrix((len(has_low), len(has_high))),
        ])
        high_block = sparse.hstack([
            matrix[has_high], sparse.csr_matrix((len(has_high), len(has_low))),
            -sparse.identity(len(has_high)),
        ])
        self.a_ub = sparse.vstack([low_block, high_block], format="csr")
        self.b_ub = np.concatenate([-lows[has_low], high_values])
        weights = _weights(np.concatenate([lows[has_low], high_values]))
        self.weights = np.concatenate([np.zeros(cols), weights])
        self.matrix = matrix
        self.solution = np.zeros(cols + len(weights))
        self.best = 0.0
        if len(weights):
            result = _linprog(self.weights, self.a_ub, self.b_ub)
            self.solution, self.best = result.x, float(result.fun)
        limit = self.best + FIT_TOLERANCE * max(1.0, self.best)
        self.a_fit = sparse.vstack([self.a_ub, sparse.csr_matrix(self.weights)], format="csr")
        self.b_fit = np.append(self.b_ub, limit)
        self.binding: set[int] = set()

    def bound(self, objective: np.ndarray, maximise: bool) -> float | None:
        """Min or max of objective·x over the fits; None when unbounded above."""
        if not objective.any():
            return 0.0
        padded = np.concatenate([objective, np.zeros(len(self.weights) - self.cols)])
        result = _linprog(-padded if maximise else padded, self.a_fit, self.b_fit,
                          allow_unbounded=maximise)
        if result is None:
            return None
        self._note_binding(result.ineqlin.marginals)
        return -float(result.fun) if maximise else float(result.fun)

    def bounds(self, jobs: Sequence[tuple[np.ndarray, bool]]) -> list[float | None]:
        """`bound` of each (objective, maximise), in order."""
        return [self.bound(*job) for job in jobs]

    def _note_binding(self, marginals: np.ndarray) -> None:
        """Add the constraints whose rows carry a dual value: the rows that prove the bound."""
        lows = len(self.has_low)
        active = np.flatnonzero(np.abs(marginals[:-1]) > SOLVER_ERROR)
        self.binding.update(
            int(self.has_low[i]) if i < lows else int(self.has_high[i - lows]) for i in active
        )

    def violated(self) -> list[tuple[int, float]]:
        """(constraint row, its cells' sum at the fit) for every constraint the fit breaks."""
        slack = self.solution[self.cols:]
        totals = self.matrix @ self.solution[: self.cols]
        noise = SOLVER_ERROR * np.maximum(1.0, np.abs(self.b_ub))
        lows = len(self.has_low)
        broken = slack > noise
        rows = [int(self.has_low[i]) for i in np.flatnonzero(broken[:lows])]
        rows += [int(self.has_high[i]) for i in np.flatnonzero(broken[lows:])]
        return [(row, float(totals[row])) for row in sorted(set(rows))]


class _WarmFit:
    """The same fit and bounds as `_Fit`, solved faster and with the same answers.

    One HiGHS model is kept: each constraint is one ranged row, low <= sum + under - over
    <= high (for any counts, the cheapest slacks are the violations `_Fit` pays, so the
    least violation and the counts that keep it are the same), its sum taken over
    `_factored`'s shared sums where those take fewer non-zeros. The fit is solved by the
    dual simplex; the bounds add the fit's budget row and change the objective, so the
    fit's basis stays feasible and the primal simplex starts from it (warm start) instead
    of from nothing.
    """

    def __init__(self, matrix: sparse.csr_matrix, lows: np.ndarray, highs: list[int | None],
                 node_of: np.ndarray):
        rows, cols = matrix.shape
        self.rows, self.cols = rows, cols
        constraint_rows, definitions = _factored(matrix, node_of)
        # Columns: the variables, the shared sums, then the slacks.
        self.counted = constraint_rows.shape[1]
        sums = definitions.shape[0]
        self.matrix = matrix
        self.binding: set[int] = set()
        has_low = np.flatnonzero(lows > 0)
        has_high = np.array([i for i, high in enumerate(highs) if high is not None], dtype=int)
        self.has_low, self.has_high = has_low, has_high
        uppers = np.array([np.inf if high is None else high for high in highs], dtype=float)
        # Slack columns: +1 in the row of a low bound, -1 in the row of a high bound.
        slacks = sparse.csc_matrix(
            (np.concatenate([np.ones(len(has_low)), -np.ones(len(has_high))]),
             (np.concatenate([has_low, has_high]), np.arange(len(has_low) + len(has_high)))),
            shape=(rows + sums, len(has_low) + len(has_high)),
        )
        self.bounds_of = np.concatenate([lows[has_low], uppers[has_high]])
        self.weights = np.concatenate([np.zeros(self.counted), _weights(self.bounds_of)])
        self.highs = _highs()
        # HiGHS's presolve costs more than it saves here: the country tally's fit at 100k
        # synthetic claims (benchmarks/tally.py's world) took 61 CPU s with it, 39 without.
        self.highs.setOptionValue("presolve", "off")
        model = highspy.HighsLp()
        model.num_col_, model.num_row_ = len(self.weights), rows + sums
        model.col_cost_ = self.weights
        model.col_lower_ = np.zeros(len(self.weights))
        model.col_upper_ = np.full(len(self.weights), highspy.kHighsInf)
        model.row_lower_ = np.concatenate([lows, np.zeros(sums)])
        model.row_upper_ = np.concatenate([np.where(np.isinf(uppers), highspy.kHighsInf, uppers),
                                           np.zeros(sums)])
        full = sparse.hstack([sparse.vstack([constraint_rows, definitions]), slacks],
                             format="csc")
        model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        model.a_matrix_.start_ = full.indptr
        model.a_matrix_.index_ = full.indices
        model.a_matrix_.value_ = full.data
        self.highs.passModel(model)
        self.solution = np.zeros(len(self.weights))
        self.best = 0.0
        if rows:
            self._run()
            self.solution = np.array(self.highs.getSolution().col_value)
            self.best = self.highs.getInfo().objective_function_value
        limit = self.best + FIT_TOLERANCE * max(1.0, self.best)
        weighted = np.flatnonzero(self.weights).astype(np.int32)
        self.highs.addRow(-highspy.kHighsInf, limit, len(weighted), weighted,
                          self.weights[weighted])
        # From here on the fit's basis is primal feasible: the primal simplex keeps it.
        self.highs.setOptionValue("simplex_strategy", PRIMAL_SIMPLEX)
        self.start = self.highs.getBasis()
        self.everything = np.arange(len(self.weights), dtype=np.int32)

    def bound(self, objective: np.ndarray, maximise: bool) -> float | None:
        """Min or max of objective·x over the fits; None when unbounded above."""
        if not objective.any():
            return 0.0
        padded = np.concatenate([objective, np.zeros(len(self.weights) - self.cols)])
        self.highs.changeColsCost(len(padded), self.everything, padded)
        self.highs.changeObjectiveSense(
            highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize)
        # Every bound starts from the fit's basis, not the last bound's: a window's max lies
        # far from its min (benchmarks/tally.py, 100k claims: the max took 4,223 iterations,
        # 12.6 CPU s, from the min's basis and 1,896, 6.0 s, from the fit's).
        self.highs.setBasis(self.start)
        status = self._run()
        if status in UNBOUNDED and maximise:
            return None
        # The constraint rows that carry a dual value prove the bound (the budget row,
        # added last, is the fit's, not a claim's).
        duals = np.array(self.highs.getSolution().row_dual)[: self.rows]
        self.binding.update(int(row) for row in np.flatnonzero(np.abs(duals) > SOLVER_ERROR))
        return float(self.highs.getInfo().objective_function_value)

    def bounds(self, jobs: Sequence[tuple[np.ndarray, bool]]) -> list[float | None]:
        """`bound` of each (objective, maximise), in order, two at a time: every second one
        on a copy of the model in a second thread (HiGHS releases the GIL while it solves)."""
        if len(jobs) < 2:
            return [self.bound(*job) for job in jobs]
        twin = copy.copy(self)
        twin.binding = set()
        twin.highs = _highs(fresh=True)
        twin.highs.passOptions(self.highs.getOptions())
        twin.highs.passModel(self.highs.getLp())
        values: list[float | None] = [None] * len(jobs)
        with ThreadPoolExecutor(max_workers=1) as second:
            theirs = second.submit(lambda: [twin.bound(*job) for job in jobs[1::2]])
            values[0::2] = [self.bound(*job) for job in jobs[0::2]]
            values[1::2] = theirs.result()
        self.binding |= twin.binding
        return values

    def witness(self) -> np.ndarray:
        """The counts (then slacks) of the last bound solved: a fit that attains it."""
        return np.array(self.highs.getSolution().col_value)

    def violated(self) -> list[tuple[int, float]]:
        """(constraint row, its cells' sum at the fit) for every constraint the fit breaks."""
        slack = self.solution[self.counted:]
        totals = self.matrix @ self.solution[: self.cols]
        noise = SOLVER_ERROR * np.maximum(1.0, self.bounds_of)
        rows = np.concatenate([self.has_low, self.has_high])[slack > noise]
        return [(int(row), float(totals[row])) for row in sorted(set(rows.tolist()))]

    def _run(self) -> highspy.HighsModelStatus:
        self.highs.run()
        status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal and status not in UNBOUNDED:
            raise _Unsolved(self.highs.modelStatusToString(status))
        return status


_per_thread = threading.local()


def _highs(fresh: bool = False) -> highspy.Highs:
    """This thread's HiGHS instance (a new one when `fresh`), emptied and set to its
    defaults, without output.

    HiGHS writes its banner to standard output when an instance is built, before any
    option can silence it: instances are built with that stream muted."""
    highs = None if fresh else getattr(_per_thread, "highs", None)
    if highs is None:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 1)
                highs = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        if not fresh:
            _per_thread.highs = highs
    highs.clearModel()
    highs.resetOptions()
    highs.setOptionValue("output_flag", False)
    return highs


def _linprog(c: np.ndarray, a_ub: sparse.csr_matrix, b_ub: np.ndarray,
             allow_unbounded: bool = False):
    result = linprog(c, A_ub=a_ub if a_ub.shape[0] else None,
                     b_ub=b_ub if a_ub.shape[0] else None, bounds=(0, None), method="highs")
    if result.status == 3 and allow_unbounded:
        return None
    if result.status != 0:
        raise _Unsolved(result.message)
    return result
