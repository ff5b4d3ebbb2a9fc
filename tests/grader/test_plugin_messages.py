"""The message of a failed parametrized test names the case that failed and its settings."""
import numpy as np

from grader.cases import Case
from grader.grading.plugin import _where


class Item:
    def __init__(self, **params):
        self.callspec = type("CallSpec", (), {"params": params})()


def test_a_reference_case_is_named_with_its_settings_and_not_its_arrays():
    case = Case("DeepClassifier.backward", "softmax_l2",
                {"layer_dims": [3, 4, 3], "X": np.zeros((3, 4)), "output": "softmax", "lambd": 0.5,
                 "parameters": {"W1": np.zeros((4, 3))}}, None, None)
    assert _where(Item(case=case), "values differ") == \
        "in case softmax_l2 (layer_dims=[3, 4, 3], output='softmax', lambd=0.5): "


def test_parameters_already_in_the_message_and_seeds_are_left_out():
    item = Item(seed=2, layer_dims=[2, 3, 1], hidden="tanh", m=3)
    assert _where(item, "L_model_backward(..., hidden_activation='tanh') with layer_dims [2, 3, 1]") == "in m=3: "
    assert _where(Item(), "anything") == ""
    assert _where(Item(x=np.ones(3)), "anything") == ""
