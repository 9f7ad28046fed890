package evidence

import (
	"os"
	"testing"

	"github.com/noticevet/noticevet/internal/tsv"
)

func TestHostStore(t *testing.T) {
	for host, want := range map[string]string{
		"examplebackupkr.blob.core.windows.net": "azure-storage-account/examplebackupkr",
		"Media.Queue.Core.Windows.Net":          "azure-storage-account/media",
		"acct.dfs.core.windows.net":             "azure-storage-account/acct",
		"users.documents.azure.com":             "azure-cosmosdb-account/users",
		// Look-alikes: no account label, a deeper name, another service.
		"blob.core.windows.net":                    "",
		"x.acct.blob.core.windows.net":             "",
		"acct.vault.azure.net":                     "",
		"acct.blob.core.chinacloudapi.cn":          "",
		"media.s3.ap-northeast-2.amazonaws.com":    "",
		"acct.blob.core.windows.net.attacker.test": "",
	} {
		got := ""
		if st, ok := HostStore(host); ok {
			got = st.Type + "/" + st.Name
		}
		if got != want {
			t.Errorf("HostStore(%q) = %q, want %q", host, got, want)
		}
	}
}

// TestDataKindsOfNotices: the phrases of notices/data.tsv name the kinds
// of datakinds.tsv and no other (or personal data in general).
func TestDataKindsOfNotices(t *testing.T) {
	src, err := os.ReadFile("../../notices/data.tsv")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range tsv.Rows("data.tsv", string(src), 3) {
		k := r.Fields[0]
		seen[k] = true
		if k != "general" && !IsDataKind(k) {
			t.Errorf("notices/data.tsv:%d: kind %q is not in datakinds.tsv", r.Line, k)
		}
	}
	for _, k := range DataKinds() {
		if !seen[k] {
			t.Errorf("kind %q: no notice phrase names it in notices/data.tsv", k)
		}
	}
}
