module example.com/app

go 1.22

require (
	cloud.google.com/go/storage v1.0.0
	github.com/Azure/azure-sdk-for-go/sdk/storage/azblob v1.0.0
	github.com/aws/aws-sdk-go-v2 v1.0.0
	google.golang.org/api v1.0.0
)

// Stubs of the SDKs, so that the scenario builds without a network.
replace (
	cloud.google.com/go/storage => ./third_party/gcs
	google.golang.org/api => ./third_party/googleapi
	github.com/Azure/azure-sdk-for-go/sdk/storage/azblob => ./third_party/azblob
	github.com/aws/aws-sdk-go-v2 => ./third_party/aws-sdk-go-v2
)
