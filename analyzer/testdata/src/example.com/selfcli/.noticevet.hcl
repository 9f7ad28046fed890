# The command-line client of the service talks to the service itself.
self {
  domains = ["example-photos.com", "*.example-photos.com"]
}
