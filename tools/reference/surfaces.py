"""Downhill's built-in surfaces written with torch ops, so autograd supplies the gradient.

Each function takes the one 2-element parameter tensor p = (x, y) and returns a 0-dim
float64 tensor. The formulas are the ones Downhill ships (src/core/surfaces); the gradients
come from autograd, so they differ from hand-written analytic gradients only by rounding.
"""

import math

import torch


def rosenbrock(p):
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def bowl(p):
    x, y = p[0], p[1]
    return 0.5 * x**2 + 5 * y**2


def ravine(p):
    x, y = p[0], p[1]
    return x**2 + 50 * y**2


def quartic(p):
    # Seed 003's "escape the trap" f(x) = 0.1x^4 - 3x^2 + x, plus y^2 to make it a surface.
    x, y = p[0], p[1]
    return 0.1 * x**4 - 3 * x**2 + x + y**2


def quadratic(p):
    # Seed 003's schedule exercise f(x) = (x - 5)^2, plus y^2.
    x, y = p[0], p[1]
    return (x - 5) ** 2 + y**2


def himmelblau(p):
    x, y = p[0], p[1]
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def booth(p):
    x, y = p[0], p[1]
    return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2


def rastrigin(p):
    x, y = p[0], p[1]
    return 20 + (x**2 - 10 * torch.cos(2 * math.pi * x)) + (y**2 - 10 * torch.cos(2 * math.pi * y))


def saddle(p):
    x, y = p[0], p[1]
    return x**2 - y**2


def styblinski_tang(p):
    x, y = p[0], p[1]
    return 0.5 * ((x**4 - 16 * x**2 + 5 * x) + (y**4 - 16 * y**2 + 5 * y))


def six_hump_camel(p):
    x, y = p[0], p[1]
    return (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2


def matyas(p):
    x, y = p[0], p[1]
    return 0.26 * (x**2 + y**2) - 0.48 * x * y


SURFACES = {
    "rosenbrock": rosenbrock,
    "bowl": bowl,
    "ravine": ravine,
    "quartic": quartic,
    "quadratic": quadratic,
    "himmelblau": himmelblau,
    "beale": beale,
    "booth": booth,
    "rastrigin": rastrigin,
    "saddle": saddle,
    "styblinskiTang": styblinski_tang,
    "sixHumpCamel": six_hump_camel,
    "matyas": matyas,
}
