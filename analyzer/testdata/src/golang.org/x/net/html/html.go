// Package html is a stub of golang.org/x/net/html: an HTML tree in memory.
package html

import "io"

type Node struct {
	Parent, FirstChild *Node
	Data               string
}

func Parse(r io.Reader) (*Node, error) {
	b, err := io.ReadAll(r)
	return &Node{Data: string(b)}, err
}

func (n *Node) RemoveChild(c *Node) {
	if n.FirstChild == c {
		n.FirstChild = nil
	}
	c.Parent = nil
}

func (n *Node) AppendChild(c *Node) {
	c.Parent = n
	n.FirstChild = c
}
