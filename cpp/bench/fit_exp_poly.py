#!/usr/bin/env python3
# fit_exp_poly.py — derives the coefficients of vmath::exp_neg_scaled's polynomial: a Remez
# exchange fit of e^r ~ c0 + c1·r + ... + c6·r^6 minimising the relative error on
# |r| <= ln2/2 (slightly widened for the rounding of n), printed as float hex literals.
# Needs mpmath (Debian: python3-mpmath); it is a derivation note, not part of any build or test.
#   python3 cpp/bench/fit_exp_poly.py [degree]      (default 6: max relative error 1.86e-9)
import struct
import sys

import mpmath as mp

mp.mp.dps = 40
DEGREE = int(sys.argv[1]) if len(sys.argv) > 1 else 6
A = mp.log(2) / 2 * (1 + mp.mpf(2) ** -16)
M = DEGREE + 2  # reference points: coefficients + the levelled error


def poly(c, r):
    q = mp.mpf(0)
    for k in reversed(range(len(c))):
        q = q * r + c[k]
    return q


def rel_err(c, r):
    return (poly(c, r) - mp.exp(r)) / mp.exp(r)


pts = [A * mp.cos(mp.pi * (M - 1 - i) / (M - 1)) for i in range(M)]
for _ in range(40):
    # Solve P(r_i) + (-1)^i·E·e^(r_i) = e^(r_i) for the coefficients and the levelled error E.
    mat, rhs = mp.matrix(M, M), mp.matrix(M, 1)
    for i, r in enumerate(pts):
        for k in range(DEGREE + 1):
            mat[i, k] = r**k
        mat[i, DEGREE + 1] = (-1) ** i * mp.exp(r)
        rhs[i] = mp.exp(r)
    sol = mp.lu_solve(mat, rhs)
    c = [sol[k] for k in range(DEGREE + 1)]
    grid = [-A + 2 * A * i / 3000 for i in range(3001)]
    errs = [rel_err(c, x) for x in grid]
    ext = [(grid[i], errs[i]) for i in range(len(grid))
           if i in (0, len(grid) - 1) or (abs(errs[i]) >= abs(errs[i - 1]) and abs(errs[i]) >= abs(errs[i + 1]))]
    alt = []  # alternating extrema, the largest of each run of one sign
    for x, e in ext:
        if alt and mp.sign(alt[-1][1]) == mp.sign(e):
            if abs(e) > abs(alt[-1][1]):
                alt[-1] = (x, e)
        else:
            alt.append((x, e))
    while len(alt) > M:
        alt.pop(0 if abs(alt[0][1]) < abs(alt[-1][1]) else -1)
    if len(alt) == M:
        pts = [x for x, _ in alt]

print(f"degree {DEGREE}: max relative error {mp.nstr(max(abs(e) for e in errs), 5)}")
for k, ck in enumerate(c):
    f32 = struct.unpack("f", struct.pack("f", float(ck)))[0]
    print(f"c{k} = {mp.nstr(ck, 20)}  ->  {float.hex(f32)}f")
