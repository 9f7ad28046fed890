// Package page fetches a web page and cleans it in memory.
package page

import (
	"io"
	"net/http"

	"github.com/PuerkitoBio/goquery"
)

// Fetch gets a page from where its caller says.
func Fetch(url string) (string, error) {
	req, _ := http.NewRequest("GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return Clean(resp.Body)
}

// Clean parses a page and drops its scripts, in memory.
func Clean(r io.Reader) (string, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return "", err
	}
	doc.Find("script").Remove()
	return doc.Text(), nil
}
