package check

import (
	"path/filepath"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
	"github.com/noticevet/noticevet/notices"
)

// followPointers reads the lists a notice points to for its countries
// ("see our [list of sub-processors](docs/subprocessors.md)") as part of
// it: a relative link to a Markdown file inside the repository, read as a
// notice found there is (regular file, size limit, the repository
// boundary through symbolic links). The list's claims count, positioned
// in its file, and the pointer is dropped. Anything else — an address on
// the web, a file outside the repository or missing, a link in the list
// itself — is not followed: the pointer stays, and unresolved-destination
// says the countries are named where noticevet cannot read them.
//
// noticeAbs are the notices' absolute paths, so that a list that is also a
// notice is not read twice; claims[i] are the claims of noticeAbs[i].
// The text of each list read is added to texts, by its name.
func followPointers(view *repo.View, noticeAbs []string, claims [][]notices.Claim, texts map[string][]byte) error {
	read := map[string]bool{}
	for _, p := range noticeAbs {
		read[p] = true
	}
	for i, cs := range claims {
		var keep, added []notices.Claim
		for _, c := range cs {
			target, ok := localList(view, noticeAbs[i], c)
			if !ok {
				keep = append(keep, c)
				continue
			}
			if read[target] {
				continue // read already, as a notice or a list
			}
			read[target] = true
			name := display(view.Dir(), target)
			src, err := readFoundNotice(target, name)
			if err != nil {
				return err
			}
			more, err := notices.Parse(name, src)
			if err != nil {
				return diag.All(err)
			}
			texts[name] = src
			added = append(added, more...)
		}
		claims[i] = append(keep, added...)
	}
	return nil
}

// localList returns the file an elsewhere claim links to when it may be
// read: a relative link to a .md file that lies inside the repository.
func localList(view *repo.View, noticeAbs string, c notices.Claim) (string, bool) {
	rel, ok := c.LocalList()
	if !ok {
		return "", false
	}
	target := filepath.Join(filepath.Dir(noticeAbs), filepath.FromSlash(rel))
	if !view.Contains(target) || view.Inside(target) != nil {
		return "", false
	}
	return target, true
}
