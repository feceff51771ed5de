// Keeps crossgate_testing non-empty while the support folders fill in.
