"""Convolutional networks from scratch

Week 8 of the course: ``convolution`` builds the layers of a convolutional network with explicit
loops over examples, positions and channels (zero padding, the convolution and pooling, forwards and
backwards: the lesson is the indexing); ``conv_fast`` computes the same four operations as matrix
products (im2col), hundreds of times faster, and ``compare_speed()`` measures by how much on your
machine; ``cnn`` assembles them into ``ConvNet``, a small LeNet-style network trained with Adam on
the handwritten digits. Images are channels-last, as in the Deep Learning Specialization's
"Convolution model, step by step": ``(m, n_H, n_W, n_C)``.

Check your work with ``python -m grader week8``.
"""
