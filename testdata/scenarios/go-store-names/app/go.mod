module example.com/app

go 1.22

require (
	github.com/Azure/azure-sdk-for-go/sdk/storage/azblob v1.0.0
	github.com/aws/aws-sdk-go-v2 v1.0.0
)

// Stubs of the SDKs, so that the scenario builds without a network.
replace (
	github.com/Azure/azure-sdk-for-go/sdk/storage/azblob => ./third_party/azblob
	github.com/aws/aws-sdk-go-v2 => ./third_party/aws-sdk-go-v2
)
