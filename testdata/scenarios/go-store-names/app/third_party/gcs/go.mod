module cloud.google.com/go/storage

go 1.22

require google.golang.org/api v1.0.0

replace google.golang.org/api => ../googleapi
