package worker

import (
	"net/http"
	"strings"
)

type Person struct {
	Phone string
}

func Export(p Person) {
	http.Post("https://export.example.de/p", "text/plain", strings.NewReader(p.Phone))
}
