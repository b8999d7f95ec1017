"""The three central views of the workbench: journey, sensory map and consistency graph.

Each view takes the `Document`, redraws when its checks are fresh
(`document.checked`) and when the selection moves, and changes the design
only by pushing edits on the document's undo stack.
"""

from cuecraft.gui.views.graph_view import GraphView
from cuecraft.gui.views.journey import JourneyView
from cuecraft.gui.views.sensory_map import SensoryMapView

__all__ = ["GraphView", "JourneyView", "SensoryMapView"]
