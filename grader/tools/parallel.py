"""Run a function over many items in forked worker processes (the catalogue checks, the mutation run)."""
import concurrent.futures
import multiprocessing

from ..grading import streams


def map_in_processes(function, items, jobs, progress=None, initializer=None, initargs=()):
    """``[function(item) for item in items]`` computed in ``jobs`` processes, in order.

    The workers are forked, so they start with the course already imported; ``progress(result)`` is
    called as each result arrives.
    """
    context = multiprocessing.get_context("fork")
    results = []
    with concurrent.futures.ProcessPoolExecutor(max(jobs, 1), mp_context=context, initializer=_initialize,
                                                initargs=(jobs, initializer, initargs)) as pool:
        for result in pool.map(function, items, chunksize=1):
            results.append(result)
            if progress:
                progress(result)
    return results


def _initialize(jobs, initializer, initargs):
    if jobs > 1:
        streams.one_process()  # the jobs share the cores already
    if initializer is not None:
        initializer(*initargs)
