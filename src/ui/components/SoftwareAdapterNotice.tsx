/**
 * Beside Train when WebGPU has only a software adapter (SwiftShader and the like): training works,
 * but on the CPU. Informs, never blocks; one line, with how to use the GPU folded under it.
 */
export function SoftwareAdapterNotice() {
  return (
    <div className="software-adapter" role="note" data-testid="software-adapter">
      <details>
        <summary>
          <strong>No GPU in use:</strong> this browser runs WebGPU on the CPU, tens of times slower than on a
          GPU.
        </summary>
        <p>
          It still trains. To use your GPU, turn on hardware acceleration (Chrome or Edge: Settings → System →
          “Use graphics acceleration when available”, then check chrome://gpu); on Linux, start Chrome with
          --enable-unsafe-webgpu --enable-features=Vulkan.
        </p>
      </details>
    </div>
  );
}
