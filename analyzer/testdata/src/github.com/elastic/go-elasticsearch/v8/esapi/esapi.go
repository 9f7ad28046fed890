// Package esapi is a stub of github.com/elastic/go-elasticsearch/v8/esapi.
package esapi

import (
	"context"
	"io"
	"net/http"
)

type Transport interface {
	Perform(*http.Request) (*http.Response, error)
}

type Response struct {
	StatusCode int
	Body       io.ReadCloser
}

type IndexRequest struct {
	Index      string
	DocumentID string
	Body       io.Reader
}

type Index func(index string, body io.Reader, o ...func(*IndexRequest)) (*Response, error)

type CreateRequest struct{ Index, DocumentID string }

type Create func(index string, id string, body io.Reader, o ...func(*CreateRequest)) (*Response, error)

type UpdateRequest struct{ Index, DocumentID string }

type Update func(index string, id string, body io.Reader, o ...func(*UpdateRequest)) (*Response, error)

type BulkRequest struct{ Index string }

type Bulk func(body io.Reader, o ...func(*BulkRequest)) (*Response, error)

type SearchRequest struct{ Index []string }

type Search func(o ...func(*SearchRequest)) (*Response, error)

type API struct {
	Index  Index
	Create Create
	Update Update
	Bulk   Bulk
	Search Search
}

func (r IndexRequest) Do(ctx context.Context, transport Transport) (*Response, error) {
	return nil, nil
}
