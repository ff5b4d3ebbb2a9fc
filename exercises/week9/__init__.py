"""Recurrent networks from scratch

Week 9 of the course: ``rnn`` builds a recurrent network and an LSTM one time step at a time, then
unrolled over a sequence, forwards and backwards through time, as in the Deep Learning
Specialization's "Building a recurrent neural network, step by step" (inputs ``x (n_x, m, T_x)``,
hidden states ``a (n_a, m, T_x)``); ``char_lm`` trains a character-level language model on a real
list of first names (the US Census lists) and samples new names from it.

Check your work with ``python -m grader week9``.
"""
