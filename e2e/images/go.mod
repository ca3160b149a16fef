// Test images of the real-node e2e tier (e2e/node), built from source: the carts service
// (carts/) and the OCI layout writer (mkoci/). Standard library only.
module carts-deploy-action/e2e/images

go 1.22
