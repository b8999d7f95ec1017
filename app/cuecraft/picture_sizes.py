"""What a saved picture may be (`cuecraft render`, View ▸ Save view as image…): its file
types and size limits. Apart from both so that neither drags the other in: the
workbench draws pictures without the command line's parser, and the command line builds
its help without Qt."""

FORMATS = (".svg", ".png")
SCREEN_DPI = 96  # a scene unit is a pixel at 96 dpi
MAX_SIDE = 32_000  # pixels: larger pictures are refused, not half-drawn out of memory
# And a PNG's pixels in all (4 bytes each while drawn: 400 MB): 32,000 a side would be 4 GB.
MAX_PIXELS = 100_000_000
