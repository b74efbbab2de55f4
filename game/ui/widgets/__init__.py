"""Pieces of the screens, not screens: buttons and headings, the projector layout, the apparatus
diagram, charts, portraits and illustrations, and the apparatus screen's drawing."""
