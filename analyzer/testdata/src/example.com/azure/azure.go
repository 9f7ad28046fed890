package azure

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

type Resident struct {
	Address string
	Phone   string
}

const chinaConn = "DefaultEndpointsProtocol=https;AccountName=archive;AccountKey=c2VjcmV0;EndpointSuffix=core.chinacloudapi.cn"

func china(ctx context.Context, r Resident) {
	client, _ := azblob.NewClientFromConnectionString(chinaConn, nil)
	client.UploadBuffer(ctx, "residents", "r.txt", []byte(r.Phone), nil) // want `^azblob.Client.UploadBuffer to archive.blob.core.chinacloudapi.cn stores personal data in China \(Azure China\), but PRIVACY.md:4 says it is stored only in Japan \[false-claim\]$`
}

func public(ctx context.Context, r Resident) {
	client, _ := azblob.NewClient("https://exports.blob.core.windows.net/", nil, nil)
	client.UploadBuffer(ctx, "residents", "r.txt", []byte(r.Phone), nil) // want `cannot decide where it stores personal data: the host is an Azure public-cloud host`
}

func placedByConfig(ctx context.Context, r Resident) {
	client, _ := azblob.NewClient("https://backup.blob.core.windows.net/", nil, nil)
	client.UploadBuffer(ctx, "residents", "r.txt", []byte(r.Phone), nil) // want `azblob.Client.UploadBuffer to backup.blob.core.windows.net stores personal data in Singapore \(host backup.blob.core.windows.net\)`
}

// Look-alike: the configuration places this account at home.
func home(ctx context.Context, r Resident) {
	client, _ := azblob.NewClient("https://media.blob.core.windows.net/", nil, nil)
	client.UploadBuffer(ctx, "residents", "r.txt", []byte(r.Phone), nil)
}
