package x

this is not Go, and it is never read
