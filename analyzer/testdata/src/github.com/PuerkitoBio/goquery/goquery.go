// Package goquery is a stub of github.com/PuerkitoBio/goquery: selections
// of an HTML tree parsed into memory.
package goquery

import (
	"io"

	"golang.org/x/net/html"
)

type Document struct {
	*Selection
	rootNode *html.Node
}

type Selection struct {
	Nodes    []*html.Node
	document *Document
}

func NewDocumentFromReader(r io.Reader) (*Document, error) {
	root, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	d := &Document{rootNode: root}
	d.Selection = &Selection{Nodes: []*html.Node{root}, document: d}
	return d, nil
}

func (s *Selection) Find(selector string) *Selection {
	return &Selection{Nodes: s.Nodes, document: s.document}
}

func (s *Selection) Remove() *Selection {
	for _, n := range s.Nodes {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	return s
}

func (s *Selection) Text() string {
	var t string
	for _, n := range s.Nodes {
		t += n.Data
	}
	return t
}
