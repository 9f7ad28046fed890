// Package elastic is a stub of github.com/olivere/elastic/v7.
package elastic

import "context"

const DefaultURL = "http://127.0.0.1:9200"

type ClientOptionFunc func(*Client) error

func SetURL(urls ...string) ClientOptionFunc {
	return func(c *Client) error { c.urls = urls; return nil }
}

func SetSniff(enabled bool) ClientOptionFunc { return func(c *Client) error { return nil } }

type Client struct{ urls []string }

func NewClient(options ...ClientOptionFunc) (*Client, error) { return &Client{}, nil }

type IndexResponse struct{ Id string }

type IndexService struct {
	client *Client
	index  string
	id     string
	body   interface{}
}

func (c *Client) Index() *IndexService { return &IndexService{client: c} }

func (s *IndexService) Index(index string) *IndexService { s.index = index; return s }

func (s *IndexService) Id(id string) *IndexService { s.id = id; return s }

func (s *IndexService) BodyJson(body interface{}) *IndexService { s.body = body; return s }

func (s *IndexService) Do(ctx context.Context) (*IndexResponse, error) { return nil, nil }
