#!/usr/bin/env python3
"""Calibrates PerpArena's default price-model parameters from monthly BTC/USD closes.

Data: the `BTCUSD` monthly OHLCV table shipped in the PyPI package `backtesting` (0.6.6,
`backtesting/test/BTCUSD.csv`, 2012-01 .. 2024-12). It is used at calibration time only; the
repository keeps this script and the derived numbers (docs/MARKET.md, "Calibrated defaults").

Usage:
    pip download backtesting==0.6.6 --no-deps -d /tmp/bt     # or pass any path to BTCUSD.csv
    python3 calibrate_btc.py /tmp/bt/backtesting-0.6.6-py3-none-any.whl

Standard library only, deterministic (fixed grids, fixed EM iterations). Prints the parameters
as 1e-8 fixed-point decimals, the grid the engine uses.
"""
import csv
import io
import math
import sys
import zipfile


def closes(path):
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as wheel:
            text = wheel.read("backtesting/test/BTCUSD.csv").decode()
    else:
        with open(path) as handle:
            text = handle.read()
    rows = list(csv.DictReader(io.StringIO(text)))
    return [(row[""], float(row["Close"])) for row in rows]


def moments(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / (n - 1)
    m4 = sum((x - mean) ** 4 for x in xs) / n
    return mean, var, m4


def garch_loglik(rs, alpha, beta, var):
    omega = var * (1 - alpha - beta)
    h = var
    total = 0.0
    mean = sum(rs) / len(rs)
    for r in rs:
        e = r - mean
        total += -0.5 * (math.log(2 * math.pi * h) + e * e / h)
        h = omega + alpha * e * e + beta * h
    return total


def hmm2(rs, iterations=200):
    """Two-state Gaussian hidden Markov model by Baum-Welch (fixed start, fixed iterations)."""
    n = len(rs)
    srt = sorted(abs(r) for r in rs)
    mu = [sum(rs) / n, sum(rs) / n]
    sd = [srt[n // 2] * 1.4826, srt[n // 2] * 1.4826 * 2.5]
    p = [[0.9, 0.1], [0.2, 0.8]]
    pi = [0.8, 0.2]

    def pdf(x, k):
        return math.exp(-0.5 * ((x - mu[k]) / sd[k]) ** 2) / (sd[k] * math.sqrt(2 * math.pi))

    for _ in range(iterations):
        alpha = [[0.0, 0.0] for _ in range(n)]
        scale = [0.0] * n
        for k in range(2):
            alpha[0][k] = pi[k] * pdf(rs[0], k)
        scale[0] = sum(alpha[0])
        alpha[0] = [a / scale[0] for a in alpha[0]]
        for t in range(1, n):
            for k in range(2):
                alpha[t][k] = sum(alpha[t - 1][j] * p[j][k] for j in range(2)) * pdf(rs[t], k)
            scale[t] = sum(alpha[t])
            alpha[t] = [a / scale[t] for a in alpha[t]]
        beta = [[1.0, 1.0] for _ in range(n)]
        for t in range(n - 2, -1, -1):
            for j in range(2):
                beta[t][j] = sum(p[j][k] * pdf(rs[t + 1], k) * beta[t + 1][k] for k in range(2)) / scale[t + 1]
        gamma = [[alpha[t][k] * beta[t][k] for k in range(2)] for t in range(n)]
        gamma = [[g / sum(row) for g in row] for row in gamma]
        xi = [[0.0, 0.0], [0.0, 0.0]]
        for t in range(n - 1):
            denom = 0.0
            block = [[0.0, 0.0], [0.0, 0.0]]
            for j in range(2):
                for k in range(2):
                    block[j][k] = alpha[t][j] * p[j][k] * pdf(rs[t + 1], k) * beta[t + 1][k]
                    denom += block[j][k]
            for j in range(2):
                for k in range(2):
                    xi[j][k] += block[j][k] / denom
        pi = gamma[0]
        for j in range(2):
            row = sum(xi[j])
            p[j] = [xi[j][k] / row for k in range(2)]
        for k in range(2):
            weight = sum(g[k] for g in gamma)
            mu[k] = sum(g[k] * r for g, r in zip(gamma, rs)) / weight
            sd[k] = math.sqrt(sum(g[k] * (r - mu[k]) ** 2 for g, r in zip(gamma, rs)) / weight)
    if sd[0] > sd[1]:
        mu, sd, p = mu[::-1], sd[::-1], [p[1][::-1], p[0][::-1]]
    return mu, sd, p


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "BTCUSD.csv"
    series = closes(path)
    rs = [math.log(b[1] / a[1]) for a, b in zip(series, series[1:])]
    dt = 1 / 12
    mean, var, m4 = moments(rs)
    sigma = math.sqrt(var / dt)
    drift = mean / dt + sigma * sigma / 2
    print(f"data: {series[0][0]} .. {series[-1][0]}, {len(rs)} monthly log returns")
    print(f"gbm: drift {drift:.8f} volatility {sigma:.8f}")
    # Merton by moments, μ_J = 0: the diffusion variance from the median absolute deviation, the
    # rest of the variance and the fourth cumulant from jumps.
    mad = sorted(abs(r - mean) for r in rs)[len(rs) // 2] * 1.4826
    diffusion_var = min(mad * mad, var * 0.95)
    kappa4 = m4 - 3 * (sum((r - mean) ** 2 for r in rs) / len(rs)) ** 2
    jump_var = var - diffusion_var
    jump_sd2 = max(kappa4, 1e-12) / (3 * jump_var)
    lam = jump_var / jump_sd2 / dt
    print(
        f"merton: volatility {math.sqrt(diffusion_var / dt):.8f} jumps_per_year {lam:.8f} "
        f"jump_mean 0 jump_std_dev {math.sqrt(jump_sd2):.8f}"
    )
    best = None
    for a in range(0, 50):
        for b in range(0, 100):
            alpha, beta = a / 100, b / 100
            if alpha + beta >= 0.995:
                continue
            ll = garch_loglik(rs, alpha, beta, var)
            if best is None or ll > best[0]:
                best = (ll, alpha, beta)
    print(f"garch: volatility {sigma:.8f} alpha {best[1]:.8f} beta {best[2]:.8f} loglik {best[0]:.4f}")
    mu, sd, p = hmm2(rs)
    print(
        f"regime: calm volatility {sd[0] / math.sqrt(dt):.8f} stressed volatility {sd[1] / math.sqrt(dt):.8f} "
        f"calm->stressed per month {p[0][1]:.8f} stressed->calm per month {p[1][0]:.8f} "
        f"(expected stays {1 / max(p[0][1], 1e-9):.2f} / {1 / max(p[1][0], 1e-9):.2f} months)"
    )
    xs = [math.log(c) for _, c in series]
    n = len(xs) - 1
    mx = sum(xs[:-1]) / n
    my = sum(xs[1:]) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs[:-1], xs[1:])) / sum((x - mx) ** 2 for x in xs[:-1])
    gamma = -math.log(b) / dt if 0 < b < 1 else 0.0
    print(f"ornstein_uhlenbeck: AR(1) slope {b:.8f} reversion_per_year {gamma:.8f}")


if __name__ == "__main__":
    main()
