"""The app's side of sync: the controller that runs rounds, and the screens for conflicts and rejections."""
