"""Pieces of the screens: buttons and headings, the projector layout, the apparatus screen's drawing."""
