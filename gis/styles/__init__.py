"""QML styles and the post-processors that apply them to output layers."""
